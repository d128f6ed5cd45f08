package org.citygrid.bench.casecycle;

import java.util.List;

import org.citygrid.bench.measure.ProcessCpu;

/**
 * CPU seconds used so far by each process the benchmark watches, read together: the Streams application under
 * load, the broker, PostgreSQL (its postmaster and backends: cloud-backend's projection writes there) and this JVM
 * (load and measurement). NaN for a process whose figures cannot be read.
 */
record CpuSample(double streams, double broker, double postgres, double bench) {
    /** The column headings, in the order of {@link #values()}. */
    static final List<String> PROCESSES = List.of("Streams", "broker", "PostgreSQL", "bench");

    static CpuSample take(long streamsPid, long brokerPid, long postmasterPid) {
        return new CpuSample(ProcessCpu.seconds(streamsPid), brokerPid < 0 ? Double.NaN : ProcessCpu.seconds(brokerPid),
                postmasterPid < 0 ? Double.NaN : ProcessCpu.withDescendants(postmasterPid),
                ProcessCpu.seconds(ProcessHandle.current().pid()));
    }

    /** What each process used from {@code before} to this sample, in seconds per 1,000 reports. */
    CpuSample perThousandSince(CpuSample before, int reports) {
        double per = 1000.0 / reports;
        return new CpuSample((streams - before.streams) * per, (broker - before.broker) * per,
                (postgres - before.postgres) * per, (bench - before.bench) * per);
    }

    List<Double> values() {
        return List.of(streams, broker, postgres, bench);
    }
}
