package com.corpintel.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/** Offsets of a script turned into 1-based lines and columns. */
final class Positions {

    private final List<Integer> lineStarts = new ArrayList<>();

    Positions(String text) {
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    int line(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (lineStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    int column(int offset) {
        return offset - lineStarts.get(line(offset) - 1) + 1;
    }
}
