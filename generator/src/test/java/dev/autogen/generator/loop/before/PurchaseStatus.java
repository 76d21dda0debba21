package dev.autogen.generator.loop.before;

/** Loop-test fixture. */
public enum PurchaseStatus { NEW, PAID, SHIPPED }
