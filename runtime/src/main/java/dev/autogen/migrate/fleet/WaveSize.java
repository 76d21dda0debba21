package dev.autogen.migrate.fleet;

/**
 * How many targets a wave holds: a fixed {@code count}, or a {@code percent} of the targets left after the canary
 * (rounded up, at least one). {@link #ALL} is one wave of everything.
 */
public record WaveSize(int count, int percent) {
    public static final WaveSize ALL = new WaveSize(0, 100);

    public WaveSize {
        if ((count == 0) == (percent == 0) || count < 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a wave is a count of at least 1 or a percentage from 1% to 100%");
        }
    }

    /** {@code 10%} or {@code 50}. */
    public static WaveSize parse(String text) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? new WaveSize(0, Integer.parseInt(t.substring(0, t.length() - 1)))
                    : new WaveSize(Integer.parseInt(t), 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--wave " + text + " is neither a count (50) nor a percentage (10%): "
                    + "give a whole number of targets of at least 1, or 1% to 100%");
        }
    }

    /** The size of each wave over {@code total} targets. */
    int of(int total) {
        return count > 0 ? count : Math.max(1, (int) Math.ceil(total * percent / 100.0));
    }

    @Override
    public String toString() {
        return count > 0 ? String.valueOf(count) : percent + "%";
    }
}
