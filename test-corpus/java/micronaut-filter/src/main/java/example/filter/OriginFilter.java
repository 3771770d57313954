package example.filter;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Set;

@ServerFilter("/ws/**")
public class OriginFilter {

    private static final Set<String> ALLOWED = Set.of("https://telemetry.example.com");

    @RequestFilter
    public HttpResponse<?> checkOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get("Origin");
        return ALLOWED.contains(origin) ? null : HttpResponse.status(HttpStatus.FORBIDDEN);
    }
}
