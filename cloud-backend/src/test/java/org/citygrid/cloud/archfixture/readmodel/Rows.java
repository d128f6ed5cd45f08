package org.citygrid.cloud.archfixture.readmodel;

import java.sql.PreparedStatement;

/** JDBC where it belongs. */
public class Rows {
    PreparedStatement upsert;
}
