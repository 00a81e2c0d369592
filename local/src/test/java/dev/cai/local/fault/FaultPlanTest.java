package dev.cai.local.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void none_anyDecision_injectsNothing() {
        FaultPlan plan = FaultPlan.none();

        assertThat(plan.isInert()).isTrue();
        for (FaultKind kind : FaultKind.values()) {
            assertThat(plan.decide(kind, 0, 1)).as("%s", kind).isFalse();
        }
        assertThat(plan.jobDeadline()).isEmpty();
    }

    @Test
    void decide_everyAttemptTarget_hitsOnlyThatPartition() {
        FaultPlan plan =
                FaultPlan.seeded(1)
                        .target(FaultKind.WORKER_CRASH, FaultTarget.everyAttempt(3))
                        .build();

        assertThat(plan.decide(FaultKind.WORKER_CRASH, 3, 1)).isTrue();
        assertThat(plan.decide(FaultKind.WORKER_CRASH, 3, 5)).isTrue();
        assertThat(plan.decide(FaultKind.WORKER_CRASH, 2, 1)).isFalse();
        assertThat(plan.decide(FaultKind.CORRUPT_RANGE, 3, 1)).isFalse();
    }

    @Test
    void decide_firstAttemptTarget_missesRetries() {
        FaultPlan plan =
                FaultPlan.seeded(1)
                        .target(FaultKind.CORRUPT_RANGE, FaultTarget.firstAttempt(0))
                        .build();

        assertThat(plan.decide(FaultKind.CORRUPT_RANGE, 0, 1)).isTrue();
        assertThat(plan.decide(FaultKind.CORRUPT_RANGE, 0, 2)).isFalse();
    }

    @Test
    void draw_rateOne_alwaysHitsAndRateZeroNever() {
        FaultPlan plan =
                FaultPlan.seeded(5)
                        .rate(FaultKind.THROTTLING, 1.0)
                        .rate(FaultKind.STREAM_REDELIVERY, 0.0)
                        .build();

        for (int i = 0; i < 100; i++) {
            assertThat(plan.draw(FaultKind.THROTTLING)).isTrue();
            assertThat(plan.draw(FaultKind.STREAM_REDELIVERY)).isFalse();
        }
    }

    @Test
    void draw_sameSeed_repeatsDecisions() {
        List<Boolean> first = draws(FaultPlan.seeded(42).rate(FaultKind.THROTTLING, 0.3).build());
        List<Boolean> second = draws(FaultPlan.seeded(42).rate(FaultKind.THROTTLING, 0.3).build());

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(true, false);
    }

    @Test
    void draw_rateOfQuarter_hitsNearAQuarter() {
        FaultPlan plan = FaultPlan.seeded(7).rate(FaultKind.DUPLICATE_DELIVERY, 0.25).build();
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            hits += plan.draw(FaultKind.DUPLICATE_DELIVERY) ? 1 : 0;
        }

        assertThat(hits).isBetween(2_300, 2_700);
    }

    @Test
    void chooseCrashPoint_restrictedPoints_picksOnlyThose() {
        FaultPlan plan = FaultPlan.seeded(3).crashAt(CrashPoint.AFTER_WRITE).build();

        for (int i = 0; i < 20; i++) {
            assertThat(plan.chooseCrashPoint()).isEqualTo(CrashPoint.AFTER_WRITE);
        }
    }

    @Test
    void rate_outsideUnitInterval_isRejectedWithValue() {
        assertThatThrownBy(() -> FaultPlan.seeded(1).rate(FaultKind.THROTTLING, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5")
                .hasMessageContaining("THROTTLING");
    }

    @Test
    void jobDeadline_zero_isRejected() {
        assertThatThrownBy(() -> FaultPlan.seeded(1).jobDeadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT0S");
    }

    @Test
    void shuffle_sameSeed_keepsElementsInNewOrder() {
        List<Integer> list = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        FaultPlan.seeded(9).build().shuffle(list);

        assertThat(list).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(list).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void use_disabledInjection_isRejected() {
        FaultInjection disabled = FaultInjection.disabled();

        assertThatThrownBy(() -> disabled.use(FaultPlan.none()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without fault injection");
    }

    private static List<Boolean> draws(FaultPlan plan) {
        List<Boolean> draws = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            draws.add(plan.draw(FaultKind.THROTTLING));
        }
        return draws;
    }
}
