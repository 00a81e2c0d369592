package dev.cai.render;

/**
 * The light profile of one rendered galaxy, the same in every band.
 *
 * @param index Sérsic index n (1 is exponential, 4 is de Vaucouleurs), between 0.5 and 8
 * @param halfLightRadius radius along the major axis that contains half the flux, in pixels
 * @param axisRatio minor over major axis, in (0, 1]
 * @param positionAngle angle of the major axis from the +x (column) axis, in radians
 * @param centreX column offset of the centre from the stamp centre, in pixels
 * @param centreY row offset of the centre from the stamp centre, in pixels
 */
public record SersicShape(
        double index,
        double halfLightRadius,
        double axisRatio,
        double positionAngle,
        double centreX,
        double centreY) {

    public SersicShape {
        if (!(index >= 0.5 && index <= 8)) {
            throw new IllegalArgumentException(
                    "invalid Sersic index " + index + ": expected 0.5 to 8");
        }
        if (!(halfLightRadius > 0 && Double.isFinite(halfLightRadius))) {
            throw new IllegalArgumentException(
                    "invalid half-light radius " + halfLightRadius + " pixels: expected > 0");
        }
        if (!(axisRatio > 0 && axisRatio <= 1)) {
            throw new IllegalArgumentException(
                    "invalid axis ratio " + axisRatio + ": expected a value in (0, 1]");
        }
        if (!Double.isFinite(positionAngle)
                || !Double.isFinite(centreX)
                || !Double.isFinite(centreY)) {
            throw new IllegalArgumentException(
                    "position angle and centre offsets must be finite,"
                            + " got "
                            + positionAngle
                            + ", "
                            + centreX
                            + ", "
                            + centreY);
        }
    }
}
