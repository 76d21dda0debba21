package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application for real, on the SQLite file of application.properties: the starter must have migrated it
 * to the revision the build expects ({@code shop.head}) before Hibernate validated it, and the repository must work.
 */
class ShopApplicationTest {

    @Test
    void startsMigratedAndSavesACustomer() throws Exception {
        SpringApplication app = new SpringApplication(ShopApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run()) {
            assertTrue(context.isActive(), "the application started");
            DataSource dataSource = context.getBean(DataSource.class);
            assertEquals(List.of(System.getProperty("shop.head")),
                    column(dataSource, "select revision from autogen_version"), "the database is at head");
            assertEquals(List.of(System.getProperty("shop.customer.columns").split(",")),
                    column(dataSource, "select name from pragma_table_info('customer') order by cid"),
                    "the customer table's columns");

            CustomerRepository customers = context.getBean(CustomerRepository.class);
            Customer saved = customers.save(new Customer("Ada " + System.nanoTime()));
            List<Customer> found = customers.findByName(saved.getName());
            assertEquals(1, found.size(), "the saved customer found by name");
            assertEquals(saved.getId(), found.get(0).getId());
            System.out.println("shop test: started at " + System.getProperty("shop.head") + ", customer columns "
                    + System.getProperty("shop.customer.columns") + ", saved and found customer " + saved.getId());
        }
    }

    private static List<String> column(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
