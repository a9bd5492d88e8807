package fr.relais.system.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request announcing a body over the services' limit, on a plain socket: the headers only, then the answer. The
 * service must refuse it from its Content-Length, before reading a byte of it (JDK 17's HttpClient cannot be used here:
 * it either sends the whole body into a closed connection or, with Expect: 100-continue, waits forever on a refusal).
 */
final class OversizedBody {

    private OversizedBody() {
    }

    static HttpFuzzTest.Answer announce(int port, FuzzRequest request, String token) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            String head = request.method() + " " + request.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + request.body().length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            if (status == null) {
                return new HttpFuzzTest.Answer(599, "none", "connection closed without an answer");
            }
            String contentType = "none";
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return new HttpFuzzTest.Answer(Integer.parseInt(status.split(" ")[1]), contentType, new String(body, 0, read));
        } catch (IOException e) {
            return new HttpFuzzTest.Answer(599, "none", "no answer: " + e.getClass().getSimpleName());
        }
    }
}
