package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeArraysTest {

    private static byte[] classFile(int major) {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (major >> 8), (byte) major};
    }

    @Test
    void classFilesOfJava11AndLaterGetAProbeArrayOfTheirOwnOnRedefinition() {
        assertThat(ProbeArrays.renewedOnRedefinition(classFile(55))).isTrue();
        assertThat(ProbeArrays.renewedOnRedefinition(classFile(61))).isTrue();
    }

    @Test
    void olderClassFilesKeepTheirsInAFieldARedefinitionKeeps() {
        assertThat(ProbeArrays.renewedOnRedefinition(classFile(52))).isFalse();
        assertThat(ProbeArrays.renewedOnRedefinition(new byte[3])).isFalse();
        assertThat(ProbeArrays.renewedOnRedefinition(null)).isFalse();
    }
}
