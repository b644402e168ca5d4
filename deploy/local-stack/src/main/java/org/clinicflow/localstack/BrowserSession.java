package org.clinicflow.localstack;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A browser, as far as the gateway and Keycloak can tell: it keeps cookies, follows redirects one hop at a time (so
 * the test can look at each), and fills in Keycloak's login form. It has no JavaScript and never sees a token unless
 * one is handed to it.
 */
public final class BrowserSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final CookieJar cookies = new CookieJar();
    private final String clientAddress;
    /** Every response on the way, in order, for the test to inspect. */
    public final List<HttpResponse<String>> hops = new ArrayList<>();

    /** @param clientAddress sent as X-Forwarded-For, as a load balancer in front of the gateway would */
    public BrowserSession(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** Opens {@code url} and follows redirects until a page that is not a redirect. */
    public HttpResponse<String> open(String url) {
        var response = send(page(url).GET().build());
        while (response.statusCode() / 100 == 3) {
            var next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(page(next.toString()).GET().build());
        }
        return response;
    }

    /** A page load, as a browser asks for it (the gateway sends such requests to sign in; API calls get 401). */
    private HttpRequest.Builder page(String url) {
        return request(url).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /** Submits Keycloak's login form on {@code loginPage}, then follows the redirects back. */
    public HttpResponse<String> logIn(HttpResponse<String> loginPage, String username, String password) {
        var matcher = FORM_ACTION.matcher(loginPage.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No Keycloak login form on " + loginPage.uri());
        }
        var action = loginPage.uri().resolve(matcher.group(1).replace("&amp;", "&"));
        var form = "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=";
        var response = send(page(action.toString()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        var location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Login refused: " + response.statusCode() + " "
                        + response.body().replaceAll("\\s+", " ")));
        return open(response.uri().resolve(location).toString());
    }

    /** An API call as the web front end's script would make it: the browser adds the cookies, nothing else. */
    public HttpResponse<String> send(String method, String url, String json, String... headers) {
        var builder = request(url).header("Accept", "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public String cookie(String name) {
        return cookies.value(name);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    private HttpResponse<String> send(HttpRequest request) {
        // A connection of its own per request: a server that refuses a request before reading its body closes the
        // connection, and a client reusing it could wait for an answer that never comes.
        try (var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            hops.add(response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cookies of this browser, per host, sent back to any path under theirs. Deliberately simple: it keeps what
     * Keycloak and the gateway set on localhost, ignoring {@code Secure} as browsers do for http://localhost (a secure
     * context), which Java's own cookie manager does not.
     */
    private static final class CookieJar extends CookieHandler {

        private record Cookie(String host, String name, String value, String path) {
        }

        private final Map<String, Cookie> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            var matching = cookies.values().stream().filter(c -> c.host().equals(uri.getHost()))
                    .filter(c -> uri.getPath().startsWith(c.path()))
                    .map(c -> c.name() + "=" + c.value()).toList();
            return matching.isEmpty() ? Map.of() : Map.of("Cookie", List.of(String.join("; ", matching)));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((header, values) -> {
                if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(value -> store(uri, value));
                }
            });
        }

        private void store(URI uri, String setCookie) {
            var parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            var name = parts[0].substring(0, eq).trim();
            var value = parts[0].substring(eq + 1).trim();
            var path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                var attribute = parts[i].trim();
                if (attribute.regionMatches(true, 0, "Path=", 0, 5)) {
                    path = attribute.substring(5);
                } else if (attribute.regionMatches(true, 0, "Max-Age=", 0, 8)) {
                    expired |= attribute.substring(8).trim().startsWith("0") || attribute.contains("-");
                }
            }
            var key = uri.getHost() + "|" + name;
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, new Cookie(uri.getHost(), name, value, path));
            }
        }

        String value(String name) {
            return cookies.values().stream().filter(c -> c.name().equals(name)).map(Cookie::value).findFirst()
                    .orElse(null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
