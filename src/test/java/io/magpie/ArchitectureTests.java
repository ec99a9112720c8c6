package io.magpie;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** House rules that a compiler does not check. */
@AnalyzeClasses(packages = "io.magpie", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noCyclesBetweenModules =
            slices().matching("io.magpie.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webTypesAreNotPublic = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(ControllerAdvice.class)
            .or()
            .areAnnotatedWith(RestControllerAdvice.class)
            .or()
            .resideInAPackage("io.magpie..web..")
            .should()
            .notBePublic()
            .because("pages and endpoints are reached over HTTP, never called from another module");

    @ArchTest
    static final ArchRule persistenceTypesAreNotPublic = classes()
            .that()
            .haveSimpleNameEndingWith("Repository")
            .or()
            .haveSimpleNameEndingWith("Rows")
            .or()
            .haveSimpleNameEndingWith("Dao")
            .should()
            .notBePublic()
            .because("a module's tables are its own business")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainDoesNotDependOnWeb = noClasses()
            .that()
            .resideOutsideOfPackage("io.magpie..web..")
            .and()
            .areNotAnnotatedWith(Controller.class)
            .and()
            .areNotAnnotatedWith(RestController.class)
            .and()
            .areNotAnnotatedWith(ControllerAdvice.class)
            .and()
            .areNotAnnotatedWith(RestControllerAdvice.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.magpie..web..")
            .orShould()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.magpie..")
                    .and(CanBeAnnotated.Predicates.annotatedWith(Controller.class)
                            .or(CanBeAnnotated.Predicates.annotatedWith(RestController.class))));
}
