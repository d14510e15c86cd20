package org.mekongledger.monitoring;

import org.axonframework.commandhandling.CommandBus;
import org.mekongledger.axon.AfterCommit;
import org.mekongledger.api.FileContributions;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters: ledger.filing.lines (lines of accepted filings, by scheme, counted once the
 * filing committed), ledger.projection.lag (events each streaming processor is behind, its slowest
 * segment) and ledger.projection.dead.letters (events a processor gave up on).
 */
@Component
class LedgerMetrics implements SmartInitializingSingleton {

    private final MeterRegistry registry;
    private final CommandBus commandBus;
    private final ProjectionStatus status;

    LedgerMetrics(MeterRegistry registry, CommandBus commandBus, ProjectionStatus status) {
        this.registry = registry;
        this.commandBus = commandBus;
        this.status = status;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof FileContributions filing) {
                Runnable count = () -> linesFiled(filing.scheme()).increment(filing.lines().size());
                AfterCommit.run(count);
            }
            return result;
        });
        for (String processor : java.util.List.of("ledger")) {
            Gauge.builder("ledger.projection.lag", status, current -> lagOf(current, processor))
                    .tag("processor", processor)
                    .description("Events the projection is behind the event store (slowest segment)")
                    .register(registry);
            Gauge.builder("ledger.projection.dead.letters", status, current -> deadLettersOf(current, processor))
                    .tag("processor", processor)
                    .description("Events the projection could not handle, waiting in the dead-letter queue")
                    .register(registry);
        }
    }

    private Counter linesFiled(String scheme) {
        return Counter.builder("ledger.filing.lines").tag("scheme", scheme)
                .description("Lines of accepted contribution and fee filings").register(registry);
    }

    private static double lagOf(ProjectionStatus status, String processor) {
        return reading(status, processor, ProjectionStatus.Processor::lag);
    }

    private static double deadLettersOf(ProjectionStatus status, String processor) {
        return reading(status, processor, ProjectionStatus.Processor::deadLetters);
    }

    /** NaN while the database cannot be asked: a scrape never fails because of it. */
    private static double reading(ProjectionStatus status, String processor,
                                  java.util.function.ToLongFunction<ProjectionStatus.Processor> value) {
        try {
            return status.recent().processors().stream().filter(p -> p.name().equals(processor))
                    .mapToDouble(value::applyAsLong).findFirst().orElse(Double.NaN);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
