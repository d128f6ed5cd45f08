package org.citygrid.cloud.geocode;

import java.time.Instant;
import java.util.Locale;
import org.citygrid.cloud.intake.Checked;
import org.citygrid.cloud.intake.ValidIntake;
import org.citygrid.model.geo.GeoPoint;
import org.citygrid.model.intake.IntakeRejection;

/**
 * Places a valid intake record in its unit grid. A position outside the managed area is refused
 * with the distance to the nearest grid, which tells a producer whether it sent the wrong
 * coordinate system (hundreds of metres off) or a report from another district (kilometres off).
 */
public final class Geocoding {

    private final GridLocator locator;

    public Geocoding(GridLocator locator) {
        this.locator = locator;
    }

    /** @param at when the record reached Kafka */
    public Checked<LocatedIntake> place(Checked<ValidIntake> checked, Instant at) {
        if (checked instanceof Checked.Refused<ValidIntake> refused) {
            return Checked.refused(refused.rejection());
        }
        ValidIntake valid = ((Checked.Passed<ValidIntake>) checked).value();
        GeoPoint position = valid.record().position();
        return switch (locator.place(position)) {
            case GridLocator.InGrid in -> Checked.passed(new LocatedIntake(valid.record(), valid.categoryCode(), in.gridCode()));
            case GridLocator.Outside out -> Checked.refused(new IntakeRejection(valid.record().intakeId(),
                    IntakeRejection.Reason.OUTSIDE_MANAGED_AREA,
                    String.format(Locale.ROOT, "position %.5f, %.5f is %s from the nearest unit grid",
                            position.lon(), position.lat(), distance(out.nearestMetres())),
                    valid.payload(), at));
        };
    }

    private static String distance(double metres) {
        if (Double.isInfinite(metres)) {
            return "far";
        }
        return metres >= 1000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000) : String.format(Locale.ROOT, "%.0f m", metres);
    }
}
