package dev.respawn.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The goal's answer when the project has more than one main class and none is named. */
class MainClassIT {

    @Test
    void twoMainClassesAndNoneChosenIsAnErrorThatListsThem() throws Exception {
        Path workspace = MavenRun.workspace("main-class");
        Files.writeString(workspace.resolve("src/main/java/com/example/app/Tool.java"),
                "package com.example.app;\npublic final class Tool { public static void main(String[] args) { } }\n");
        try (MavenRun mvn = MavenRun.start(workspace, "respawn:run")) {
            assertThat(mvn.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(mvn.output()).contains("respawn: 2 classes have a main method (com.example.app.App,"
                    + " com.example.app.Tool); choose one with <mainClass> or -Drespawn.mainClass=...");
            assertThat(mvn.output()).doesNotContain("listening on");
        }
    }
}
