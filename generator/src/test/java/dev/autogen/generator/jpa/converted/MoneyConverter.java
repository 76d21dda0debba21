package dev.autogen.generator.jpa.converted;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Applied to every Money attribute without a @Convert: found by the scanner, not named by any entity. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override
    public Long convertToDatabaseColumn(Money money) {
        return money == null ? null : money.cents();
    }

    @Override
    public Money convertToEntityAttribute(Long cents) {
        return cents == null ? null : new Money(cents);
    }
}
