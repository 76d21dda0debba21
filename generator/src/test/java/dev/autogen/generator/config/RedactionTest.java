package dev.autogen.generator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords never appear in output: URLs and messages are masked before autogen prints them. */
class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # nothing secret: unchanged
            jdbc:sqlite:autogen.db                                      | jdbc:sqlite:autogen.db
            jdbc:postgresql://db:5432/app?user=app                      | jdbc:postgresql://db:5432/app?user=app
            # a password parameter, alone, first, in the middle, any case
            jdbc:postgresql://db/app?password=s3cret                    | jdbc:postgresql://db/app?password=***
            jdbc:postgresql://db/app?password=s3cret&user=app           | jdbc:postgresql://db/app?password=***&user=app
            jdbc:postgresql://db/app?user=app&PASSWORD=s3cret&ssl=true  | jdbc:postgresql://db/app?user=app&PASSWORD=***&ssl=true
            # other parameters named ...password are secrets too
            jdbc:postgresql://db/app?sslpassword=key                    | jdbc:postgresql://db/app?sslpassword=***
            # semicolon-separated properties
            jdbc:x://db;user=app;password=s3cret;ssl=true               | jdbc:x://db;user=app;password=***;ssl=true
            # user:password@host, also with '@' inside the password
            jdbc:postgresql://app:s3cret@db:5432/app                    | jdbc:postgresql://app:***@db:5432/app
            jdbc:postgresql://app:s3@cr@et@db/app                       | jdbc:postgresql://app:***@db/app
            # host:port is not user:password
            jdbc:postgresql://db:5432/app                               | jdbc:postgresql://db:5432/app
            """)
    void url(String url, String masked) {
        assertEquals(masked, Redaction.url(url));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            # the known password, wherever it appears
            FATAL: bad pass hunter2 for u                         | hunter2 | FATAL: bad pass *** for u
            # a URL inside a message is masked and the message goes on
            cannot parse jdbc:pg://h/d?password=x1 (check --url)  |         | cannot parse jdbc:pg://h/d?password=*** (check --url)
            cannot reach jdbc:pg://u:x1@h/d: refused              |         | cannot reach jdbc:pg://u:***@h/d: refused
            # a URL masked already is left as it is, with what follows it
            to jdbc:pg://h/d?password=***: refused                |         | to jdbc:pg://h/d?password=***: refused
            to jdbc:pg://h/d?password=***x: refused               |         | to jdbc:pg://h/d?password=*** refused
            """)
    void message(String message, String password, String masked) {
        assertEquals(masked, Redaction.message(message, password));
    }

    @Test
    void stackTraceKeepsItsLines() {
        assertEquals("x?password=***\n\tat a.B.c(B.java:1)\n",
                Redaction.message("x?password=p1\n\tat a.B.c(B.java:1)\n", (String) null));
    }

    /** Drivers echo a URL's password without its shape: its value is masked wherever it appears. */
    @Test
    void secretsOfAUrlAreMaskedByValue() {
        var secrets = Redaction.secretsOf("jdbc:postgresql://app:pw9x@db/app?sslpassword=k3y", "opt1");
        assertEquals(java.util.List.of("opt1", "k3y", "pw9x"), secrets);
        assertEquals("UnknownHostException: app:***@db; invalid port number: ***@db; ***, ***",
                Redaction.message("UnknownHostException: app:pw9x@db; invalid port number: pw9x@db; k3y, opt1",
                        secrets));
    }

    @Test
    void nullIsNull() {
        assertNull(Redaction.url(null));
        assertEquals("", Redaction.message(null, "pw"));
    }
}
