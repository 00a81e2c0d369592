package dev.cai.job;

/** Compensated (Neumaier) summation, so long sums of small terms keep their low-order digits. */
final class Sums {

    private double sum;
    private double compensation;

    void add(double value) {
        double total = sum + value;
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - total) + value;
        } else {
            compensation += (value - total) + sum;
        }
        sum = total;
    }

    double value() {
        return sum + compensation;
    }
}
