package dev.autogen.generator.jpa;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * One record type as {@link RecordCodec} sees it: its components' accessors and its canonical constructor, looked up
 * once per type and kept as long as the type ({@link ClassValue}). Asking the class for its record components on
 * every value parses its {@code Record} attribute and copies arrays each time, which dominated reading an entity model
 * of a thousand tables from its cache (tens of thousands of columns, each a few records).
 */
record RecordShape(Class<?> type, Method[] accessors, Class<?>[] componentTypes, Constructor<?> constructor) {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return shapeOf(type);
        }
    };

    /**
     * The shape of {@code type}.
     *
     * @throws IOException when {@code type} is not a record whose accessors and constructor can be used
     */
    static RecordShape of(Class<?> type) throws IOException {
        try {
            return SHAPES.get(type);
        } catch (IllegalArgumentException | SecurityException e) {
            throw new IOException("cannot read or rebuild a " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static RecordShape shapeOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        Method[] accessors = new Method[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new RecordShape(type, accessors, types, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
    }

    int size() {
        return accessors.length;
    }

    /** The value of component {@code index} of {@code record}, a {@link #type()}. */
    Object component(Record record, int index) {
        try {
            return accessors[index].invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessors[index].getName() + " of " + type, e);
        }
    }

    /**
     * A new {@link #type()} of {@code values} through its canonical constructor, so its own validation runs.
     *
     * @throws IOException when a value does not fit its component or the constructor refuses them
     */
    Object construct(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (componentTypes[i].isPrimitive() && values[i] == null) {
                throw new IOException("null for a " + componentTypes[i] + " of " + type.getName());
            }
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException | IllegalArgumentException e) {
            throw new IOException("cannot rebuild a " + type.getName() + ": " + e, e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot rebuild a " + type.getName(), e);
        }
    }
}
