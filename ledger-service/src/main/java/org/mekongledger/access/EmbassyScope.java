package org.mekongledger.access;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.mekongledger.api.UnknownRecord;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.security.Officer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The structural half of embassy scoping: any request whose path names a worker
 * ({@value #WORKER_ID}) is answered 404 before its handler runs when the signed-in officer is
 * limited to another nationality. The answer is the one an unknown worker gets, so an embassy
 * officer cannot tell "not yours" from "no such worker". Lists and look-ups filter in their queries.
 */
@Component
public class EmbassyScope implements HandlerInterceptor {

    /** The path variable that names a worker, on every endpoint of the contract. */
    public static final String WORKER_ID = "workerId";

    private final WorkerQueries workers;

    EmbassyScope(WorkerQueries workers) {
        this.workers = workers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        String workerId = namedWorker(request);
        if (workerId == null) {
            return true;
        }
        requireVisible(Officer.current(), workerId);
        return true;
    }

    /**
     * For a worker named elsewhere than in the path (a claim's body): refuses one the officer may not
     * see with the very answer an unknown worker gets. Does not check that the worker exists for an
     * officer who sees everyone.
     */
    public void requireVisible(Officer officer, String workerId) {
        Optional<String> limit = officer.limitedTo();
        // the nationality by primary key, from the directory written in each registration's own transaction
        if (limit.isPresent() && !workers.nationality(workerId).filter(limit.get()::equals).isPresent()) {
            throw new UnknownRecord("worker", workerId);
        }
    }

    /** The worker the request's path names, if any. */
    static String namedWorker(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(WORKER_ID) instanceof String id ? id : null;
    }
}
