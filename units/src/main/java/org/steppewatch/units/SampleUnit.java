package org.steppewatch.units;

import javax.measure.IncommensurableException;
import javax.measure.Unit;
import javax.measure.UnconvertibleException;

/**
 * An accepted sample unit: its symbol as written in the vocabulary, the quantity it measures and the JSR 385
 * unit that gives its size.
 */
public record SampleUnit(String symbol, Quantity quantity, Unit<?> unit) {

    /** {@code value} in this unit expressed in {@code to}, which must measure the same quantity. */
    public double convert(double value, SampleUnit to) {
        if (quantity != to.quantity) {
            throw new IllegalArgumentException(symbol + " (" + quantity.words() + ") does not convert to "
                    + to.symbol + " (" + to.quantity.words() + ")");
        }
        try {
            return unit.getConverterToAny(to.unit).convert(value);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new IllegalStateException(symbol + " and " + to.symbol + " share a quantity but not a dimension", e);
        }
    }
}
