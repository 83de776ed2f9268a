package dev.pinch.cli.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a snapshot as text: one line for the base model while it pretrains, one line per mix, a summary. */
public final class ProgressBoard {

    private static final int BAR = 20;

    private ProgressBoard() {
    }

    /** The board; {@code elapsedSeconds} null leaves the elapsed time out. */
    public static List<String> lines(ExperimentSnapshot s, Long elapsedSeconds) {
        List<String> lines = new ArrayList<>();
        JsonNode base = s.baseModel();
        if (base != null && "PRETRAINING".equals(base.path("state").asText())) {
            String name = base.path("name").asText();
            lines.add(String.format(Locale.ROOT, "%-28s %-10s %s", "base model " + name.substring(0,
                    Math.min(name.length(), 16)), "pretrain", steps(num(base, "step"), num(base, "totalSteps"),
                    base.hasNonNull("loss") ? base.path("loss").asDouble() : null, num(base, "etaSeconds"))));
        }
        int width = Math.max(12, s.mixes().stream().mapToInt(m -> m.name().length()).max().orElse(12));
        for (MixStatus m : s.mixes()) {
            String detail = switch (m.phase()) {
                case "training" -> steps(m.step(), m.totalSteps(), m.loss(), m.etaSeconds());
                case "done" -> m.loss() == null ? "" : String.format(Locale.ROOT, "final loss %.3f", m.loss());
                case "failed", "eval failed", "cancelled" -> m.error() == null ? "" : abbreviate(m.error(), 70);
                case "awaiting SxS baseline" -> "for " + String.join(", ", m.pendingSxs());
                default -> "";
            };
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %-12s %s", m.name(), m.phase(), detail).stripTrailing());
        }
        lines.add(String.format(Locale.ROOT, "%d/%d mixes done, %d training, %d evaluating, %d queued%s",
                s.mixes().stream().filter(MixStatus::finished).count(), s.mixes().size(), s.count("training"),
                s.mixes().stream().filter(m -> !m.finished() && "DONE".equals(m.runState())).count(),
                s.count("queued"), elapsedSeconds == null ? "" : "   elapsed " + clock(elapsedSeconds)));
        return lines;
    }

    /** {@code [#######.............] 24/60 loss 2.314 ETA 0:31} */
    static String steps(Long step, Long total, Double loss, Long eta) {
        if (step == null || total == null || total == 0) {
            return "starting";
        }
        int filled = (int) Math.min(BAR, BAR * step / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + step + "/" + total
                + (loss == null || loss.isNaN() ? "" : String.format(Locale.ROOT, "  loss %.3f", loss))
                + (eta == null ? "" : "  ETA " + clock(eta));
    }

    public static String clock(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static Long num(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asLong() : null;
    }

    private static String abbreviate(String text, int max) {
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
