package org.mekongledger.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * "projections" in /actuator/health: each processor's lag per segment and its dead letters. DOWN
 * only when a processor is stopped or failing; lag alone is UP unless it passes the configured
 * threshold (then OUT_OF_SERVICE); dead letters are reported (and counted in metrics) without
 * changing the status, since the processor goes on. Not part of the liveness group.
 */
@Component("projections")
class ProjectionHealthIndicator extends AbstractHealthIndicator {

    private final ProjectionStatus status;
    private final long lagThreshold;

    ProjectionHealthIndicator(ProjectionStatus status, MonitoringSettings settings) {
        super("Projection status unavailable");
        this.status = status;
        this.lagThreshold = settings.lagThreshold();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProjectionStatus.Snapshot snapshot = status.now();
        Status overall = Status.UP;
        Map<String, Object> processors = new LinkedHashMap<>();
        for (ProjectionStatus.Processor processor : snapshot.processors()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.running());
            details.put("error", processor.error());
            if (processor.errorType() != null) {
                details.put("errorType", processor.errorType());
            }
            if (processor.streaming()) {
                details.put("lag", processor.lag());
                details.put("segments", processor.segments().stream().map(segment -> Map.of(
                        "segment", segment.segment(), "position", segment.position(), "lag", segment.lag())).toList());
                details.put("deadLetters", processor.deadLetters());
            }
            processors.put(processor.name(), details);
            if (!processor.running() || processor.error()) {
                overall = Status.DOWN;
            } else if (lagThreshold > 0 && processor.lag() > lagThreshold && overall == Status.UP) {
                overall = Status.OUT_OF_SERVICE;
            }
        }
        builder.status(overall).withDetail("head", snapshot.head()).withDetail("processors", processors);
    }
}
