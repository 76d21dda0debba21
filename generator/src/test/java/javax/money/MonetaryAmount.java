package javax.money;

/**
 * A stand-in for JSR 354's {@code javax.money.MonetaryAmount}, test scope only. Hibernate's retail test model
 * ({@code org.hibernate.testing.orm.domain.retail}, in hibernate-testing, used by
 * {@code dev.autogen.generator.realworld.HibernateDomainModelsTest}) declares its amounts with this type and converts
 * them to {@code Double} with {@code MonetaryAmountConverter}; hibernate-testing is a test dependency without its
 * transitive dependencies, so the money API is not on the class path, and Hibernate cannot even read the entity
 * classes' fields without the type. Only the type's existence matters to the schema: no amount is ever created.
 */
public interface MonetaryAmount {
}
