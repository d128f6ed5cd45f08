package org.citygrid.cloud.archfixture.sla;

import java.sql.Connection;

/** A follow-up that keeps its alarms in SQL, outside the read model. */
public class SqlClock {
    Connection alarms;
}
