package dev.cai.local.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults to inject and their frequency: a rate per fault kind drawn from a seeded {@link
 * SplittableRandom}, or explicit targets such as "partition 3, every attempt", which are hit
 * whatever the rate. {@link #none()} injects nothing.
 *
 * <p>Rates apply per decision: per partition message for worker faults and duplicate deliveries,
 * per counted partition for aggregator crashes, per batch for stream faults, per S3 event, and per
 * call for throttling. NOTE: the seed fixes the sequence of draws, but worker threads interleave,
 * so two runs with one seed may assign the draws to different messages.
 */
public final class FaultPlan {

    private final long seed;
    private final Map<FaultKind, Double> rates;
    private final Map<FaultKind, List<FaultTarget>> targets;
    private final Set<CrashPoint> crashPoints;
    private final Duration slowWorkerDelay;
    private final Duration jobDeadline;
    private final SplittableRandom random;

    private FaultPlan(Builder builder) {
        this.seed = builder.seed;
        this.rates = new EnumMap<>(builder.rates);
        this.targets = new EnumMap<>(FaultKind.class);
        builder.targets.forEach((kind, list) -> targets.put(kind, List.copyOf(list)));
        this.crashPoints =
                builder.crashPoints.isEmpty()
                        ? EnumSet.allOf(CrashPoint.class)
                        : EnumSet.copyOf(builder.crashPoints);
        this.slowWorkerDelay = builder.slowWorkerDelay;
        this.jobDeadline = builder.jobDeadline;
        this.random = new SplittableRandom(seed);
    }

    /** Returns a plan that injects nothing and keeps the splitter's job deadline. */
    public static FaultPlan none() {
        return seeded(0).build();
    }

    /** Starts a plan whose random decisions come from {@code seed}. */
    public static Builder seeded(long seed) {
        return new Builder(seed);
    }

    public long seed() {
        return seed;
    }

    /** Returns whether the plan injects nothing and overrides nothing. */
    public boolean isInert() {
        return rates.values().stream().allMatch(rate -> rate == 0.0)
                && targets.isEmpty()
                && jobDeadline == null;
    }

    public double rate(FaultKind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    public List<FaultTarget> targets(FaultKind kind) {
        return targets.getOrDefault(kind, List.of());
    }

    /** Returns how long a slow worker stalls before writing its predictions. */
    public Duration slowWorkerDelay() {
        return slowWorkerDelay;
    }

    /**
     * Returns the time from a job's creation to its deadline, replacing the splitter's, so that the
     * deadline sweep ends a hung job within seconds in a test.
     */
    public Optional<Duration> jobDeadline() {
        return Optional.ofNullable(jobDeadline);
    }

    /**
     * Decides whether a fault hits one attempt on one partition: always when a target matches,
     * otherwise with the kind's rate.
     */
    public boolean decide(FaultKind kind, int partitionId, int attempt) {
        for (FaultTarget target : targets(kind)) {
            if (target.matches(partitionId, attempt)) {
                return true;
            }
        }
        return draw(kind);
    }

    /** Decides with the kind's rate alone, for faults that are not tied to a partition. */
    public boolean draw(FaultKind kind) {
        double rate = rate(kind);
        if (rate <= 0.0) {
            return false;
        }
        return nextDouble() < rate;
    }

    /** Picks one of the plan's crash points. */
    public CrashPoint chooseCrashPoint() {
        List<CrashPoint> points = new ArrayList<>(crashPoints);
        return points.get(nextInt(points.size()));
    }

    /** Returns a random boolean, for choosing between two forms of one fault. */
    public boolean coinFlip() {
        return nextInt(2) == 0;
    }

    /** Shuffles a list in place with the plan's random source (Fisher-Yates). */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public String toString() {
        return "FaultPlan[seed="
                + seed
                + ", rates="
                + rates
                + ", targets="
                + targets
                + ", crashPoints="
                + crashPoints
                + ", jobDeadline="
                + jobDeadline
                + "]";
    }

    /** Collects the settings of a {@link FaultPlan}. */
    public static final class Builder {

        private final long seed;
        private final Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        private final Map<FaultKind, List<FaultTarget>> targets = new EnumMap<>(FaultKind.class);
        private final Set<CrashPoint> crashPoints = EnumSet.noneOf(CrashPoint.class);
        private Duration slowWorkerDelay = Duration.ofSeconds(10);
        private Duration jobDeadline;

        private Builder(long seed) {
            this.seed = seed;
        }

        /**
         * Sets the probability of a fault per decision.
         *
         * @throws IllegalArgumentException when the rate is outside [0, 1]
         */
        public Builder rate(FaultKind kind, double rate) {
            if (!(rate >= 0.0 && rate <= 1.0)) {
                throw new IllegalArgumentException(
                        "invalid rate "
                                + rate
                                + " for "
                                + kind
                                + ": expected a probability between 0 and 1");
            }
            rates.put(kind, rate);
            return this;
        }

        /** Adds a partition attempt that the fault always hits. */
        public Builder target(FaultKind kind, FaultTarget target) {
            targets.computeIfAbsent(kind, k -> new ArrayList<>()).add(target);
            return this;
        }

        /** Restricts worker crashes to these points; every point is used when none is given. */
        public Builder crashAt(CrashPoint... points) {
            crashPoints.addAll(List.of(points));
            return this;
        }

        /**
         * Sets how long a slow worker stalls.
         *
         * @throws IllegalArgumentException when the delay is negative
         */
        public Builder slowWorkerDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException(
                        "invalid slow worker delay " + delay + ": expected 0 or more");
            }
            this.slowWorkerDelay = delay;
            return this;
        }

        /**
         * Replaces the splitter's job deadline with {@code deadline} after job creation.
         *
         * @throws IllegalArgumentException when the deadline is not positive
         */
        public Builder jobDeadline(Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException(
                        "invalid job deadline " + deadline + ": expected a positive duration");
            }
            this.jobDeadline = deadline;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }
    }
}
