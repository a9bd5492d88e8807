package fr.relais.system.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a matrix file: an operation as the OpenAPI document names it, the request that exercises it on
 * Camille's resources, who may call it, and the body to send.
 *
 * <p>File format, tab-separated, {@code #} starts a comment:
 * {@code METHOD /openapi/path}, {@code /concrete/path/with/{journey}/{booking}/{random}}, allowed callers
 * (comma-separated names of {@link MatrixCaller}, {@code -} for nobody, {@code web} for a page that accepts a
 * browser session only), and a JSON body or {@code -}.
 */
record MatrixRow(String operation, String method, String path, Set<String> allowed, boolean webPage, String body, int line) {

    static final String WEB = "web";

    static List<MatrixRow> read(String resource) {
        InputStream in = MatrixRow.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no matrix file " + resource + " on the test classpath");
        }
        List<MatrixRow> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\t");
                if (cells.length != 4) {
                    throw new IllegalStateException(resource + ":" + line + " has " + cells.length + " tab-separated cells, expected 4");
                }
                String operation = cells[0].strip();
                Set<String> allowed = new LinkedHashSet<>();
                boolean web = cells[2].strip().equals(WEB);
                if (!web && !cells[2].strip().equals("-")) {
                    for (String name : cells[2].split(",")) {
                        allowed.add(name.strip());
                    }
                }
                rows.add(new MatrixRow(operation, operation.substring(0, operation.indexOf(' ')), cells[1].strip(),
                        Set.copyOf(allowed), web, cells[3].strip().equals("-") ? null : cells[3].strip(), line));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    boolean safe() {
        return method.equals("GET");
    }
}
