package dev.autogen.generator.realworld.shipping;

import jakarta.persistence.*;

/** A terminal inside a port. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "terminal_port_code_uk", columnNames = {"port_id", "code"}))
public class Terminal {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Integer id;

    @ManyToOne(optional = false)
    Port port;

    @Column(nullable = false, length = 10)
    String code;

    boolean bonded;
}
