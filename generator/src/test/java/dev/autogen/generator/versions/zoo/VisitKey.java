package dev.autogen.generator.versions.zoo;

import java.io.Serializable;
import java.util.Objects;

public class VisitKey implements Serializable {
    Long visitorId;
    Integer dayNumber;

    @Override
    public boolean equals(Object other) {
        return other instanceof VisitKey key && Objects.equals(visitorId, key.visitorId)
                && Objects.equals(dayNumber, key.dayNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(visitorId, dayNumber);
    }
}
