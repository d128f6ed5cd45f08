package org.citygrid.api.archfixture.service

import groovy.transform.CompileStatic
import java.sql.Connection
import javax.sql.DataSource

/** A deliberate violation for ArchitectureSpec: SQL outside a store, as PushIntentsController had. Only analysed. */
@CompileStatic
class SqlInService {

    private final DataSource dataSource

    SqlInService(DataSource dataSource) {
        this.dataSource = dataSource
    }

    int count() {
        Connection c = dataSource.connection
        try {
            def rs = c.prepareStatement('SELECT count(*) FROM api.reports').executeQuery()
            rs.next()
            rs.getInt(1)
        } finally {
            c.close()
        }
    }
}
