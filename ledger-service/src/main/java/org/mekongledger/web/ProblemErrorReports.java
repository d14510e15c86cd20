package org.mekongledger.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before any application code runs (an encoded NUL or slash in the path,
 * invalid UTF-8) are answered by the host's error report valve: as problem+json here, like every
 * other refusal, instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

    /** The host is not started yet when contexts are customised: its valve class can still change. */
    @Bean
    TomcatContextCustomizer problemErrorReportValve() {
        return context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        };
    }

    /** Writes the problem when nothing else wrote a body; never details of the failure. */
    public static class Valve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder()
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ProblemDetail problem = status == 400
                    ? ProblemWriter.problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                            "The request line, path or headers cannot be read (for example an encoded NUL or "
                                    + "slash, or invalid UTF-8); nothing was recorded.")
                    : ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                            "The request could not be completed; nothing was recorded.");
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
