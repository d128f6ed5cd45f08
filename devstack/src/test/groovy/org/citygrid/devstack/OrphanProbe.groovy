package org.citygrid.devstack

import org.citygrid.devstack.kafka.KafkaBroker
import org.citygrid.devstack.postgres.PostgisCluster

import java.nio.file.Path

/**
 * Run in a JVM of its own by OrphansSpec: starts a cluster and a broker in the directory given, says
 * "started", and waits to be killed.
 */
class OrphanProbe {
    static final String STARTED = 'started'

    static void main(String[] args) {
        Path dir = Path.of(args[0])
        PostgisCluster.in(dir.resolve('postgres')).start()
        KafkaBroker.in(dir.resolve('kafka')).start()
        println STARTED
        System.out.flush()
        Thread.sleep(Long.MAX_VALUE)
    }
}
