package dev.pinch.cli.view;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned, the others right-aligned, two spaces apart. */
public final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    public TextTable row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    public List<String> render() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
