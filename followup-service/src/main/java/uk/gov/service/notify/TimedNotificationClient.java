package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * Notify's client with a time limit on every call. The client opens plain {@link HttpURLConnection}s with no timeout,
 * so one provider that stops answering would hold a dispatcher's thread for ever; its only hook for the connection is
 * package-private, hence this class in the client's own package.
 */
public final class TimedNotificationClient extends NotificationClient {

    private final int timeoutMillis;

    public TimedNotificationClient(String apiKey, String baseUrl, Duration timeout) {
        super(apiKey, baseUrl);
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    HttpURLConnection getConnection(URL url) throws IOException {
        var connection = super.getConnection(url);
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        return connection;
    }
}
