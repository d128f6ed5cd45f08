package org.citygrid.edge.alarms;

import org.citygrid.edge.senml.Reading;
import org.citygrid.model.intake.AlarmState;

/**
 * An episode raised or cleared by a reading.
 *
 * @param seq       episode number for this device (1, 2, ...)
 * @param state     which edge
 * @param reading   the reading that completed the edge
 * @param threshold the threshold it crossed
 */
public record AlarmEdge(long seq, AlarmState state, Reading reading, double threshold) {
}
