package org.citygrid.cloud.intake;

import org.citygrid.model.intake.IntakeRecord;

/** A parsed intake record whose category is known, not yet placed in a grid. */
public record ValidIntake(IntakeRecord record, String categoryCode, String payload) {
}
