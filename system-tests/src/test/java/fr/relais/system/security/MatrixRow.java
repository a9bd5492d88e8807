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
 * {@code METHOD /openapi/path}, {@code /concrete/path/with/{journey}/{booking}/{command}/{random}}, allowed callers
 * (comma-separated names of {@link MatrixCaller}, {@code -} for nobody, {@code web} for a page that accepts a
 * browser session only, {@code public} for a page open to anyone, {@code anyone} for a JSON operation open to anyone), a JSON body or {@code -}, and optionally who may call it once staff have their reasons on
 * Camille's journey (a verified call, presence at the desk, a mediation case of the pool): rows with that column are
 * checked a second time, on a journey where those reasons exist.
 */
public record MatrixRow(String operation, String method, String path, Set<String> allowed, boolean webPage, boolean publicPage,
                 boolean publicApi, String body, int line, Set<String> allowedWithReasons) {

    static final String WEB = "web";
    static final String PUBLIC = "public";
    static final String ANYONE = "anyone";

    public static List<MatrixRow> read(String resource) {
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
                if (cells.length != 4 && cells.length != 5) {
                    throw new IllegalStateException(resource + ":" + line + " has " + cells.length
                            + " tab-separated cells, expected 4 or 5");
                }
                String operation = cells[0].strip();
                Set<String> allowed = new LinkedHashSet<>();
                boolean web = cells[2].strip().equals(WEB);
                boolean api = cells[2].strip().equals(ANYONE);
                boolean open = cells[2].strip().equals(PUBLIC) || api;
                if (!web && !open && !cells[2].strip().equals("-")) {
                    for (String name : cells[2].split(",")) {
                        allowed.add(name.strip());
                    }
                }
                rows.add(new MatrixRow(operation, operation.substring(0, operation.indexOf(' ')), cells[1].strip(),
                        Set.copyOf(allowed), web, open, api, cells[3].strip().equals("-") ? null : cells[3].strip(), line,
                        cells.length == 5 ? names(cells[4]) : null));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static Set<String> names(String cell) {
        Set<String> names = new LinkedHashSet<>();
        if (!cell.strip().equals("-")) {
            for (String name : cell.split(",")) {
                names.add(name.strip());
            }
        }
        return Set.copyOf(names);
    }

    /** The same row, judged with the callers allowed once staff have their reasons. */
    MatrixRow withReasons() {
        return new MatrixRow(operation, method, path, allowedWithReasons, webPage, publicPage, publicApi, body, line,
                allowedWithReasons);
    }

    /** The row with {@code caller} no longer allowed (its reason has ended). */
    MatrixRow without(String caller) {
        Set<String> remaining = new LinkedHashSet<>(allowed);
        remaining.remove(caller);
        return new MatrixRow(operation, method, path, Set.copyOf(remaining), webPage, publicPage, publicApi, body, line,
                allowedWithReasons);
    }

    boolean safe() {
        return method.equals("GET");
    }
}
