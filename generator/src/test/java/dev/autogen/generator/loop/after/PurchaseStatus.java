package dev.autogen.generator.loop.after;

/** Loop-test fixture. */
public enum PurchaseStatus { NEW, PAID, SHIPPED }
