package com.hummdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of ARCHITECTURE.md, checked on every build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.hummdesk");
    }

    @Test
    void platform_depends_on_no_feature() {
        noClasses()
                .that()
                .resideInAPackage("com.hummdesk.platform..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "com.hummdesk.platform..",
                        "java..",
                        "javax..",
                        "org..",
                        "com.fasterxml..",
                        "com.zaxxer..",
                        "io.javalin..",
                        "io.micrometer..",
                        "io.swagger..",
                        "kotlin..",
                        "jakarta..")
                .check(classes);
    }

    @Test
    void features_never_depend_on_the_composition_root() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.hummdesk")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hummdesk")
                .check(classes);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("com.hummdesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void generated_jooq_tables_are_used_only_by_repositories_and_finders() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.hummdesk.platform.db.generated..")
                .and()
                .haveSimpleNameNotEndingWith("Repository")
                .and()
                .haveSimpleNameNotEndingWith("Finder")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hummdesk.platform.db.generated..")
                .check(classes);
    }

    @Test
    void javalin_context_stays_in_routes_and_http_plumbing() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.hummdesk.platform.http..")
                .and()
                .haveSimpleNameNotEndingWith("Routes")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.javalin.http.Context")
                .check(classes);
    }

    @Test
    void socket_io_and_jetty_websocket_types_stay_in_realtime() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.hummdesk.realtime..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.socket..", "org.eclipse.jetty.websocket..", "org.eclipse.jetty.ee10.websocket..")
                .check(classes);
    }

    @Test
    void nothing_depends_on_realtime_but_the_composition_root() {
        noClasses()
                .that()
                .resideOutsideOfPackages("com.hummdesk.realtime..")
                .and()
                .doNotHaveFullyQualifiedName("com.hummdesk.App")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hummdesk.realtime..")
                .check(classes);
    }

    @Test
    void services_do_not_know_about_http() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Service")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .check(classes);
    }
}
