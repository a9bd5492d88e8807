package fr.relais.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessSamplerParsingTest {

    // A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    // cutime cstime priority nice threads itrealvalue starttime vsize rss ...
    private static final String STAT_TAIL = " S 27329 27329 27329 0 -1 4194560 52810 0 12 0 1234 567 0 0 20 0 61 0 987654 "
            + "4096000000 120000 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsParentCpuAndStartTimeFromStat() {
        var stat = ProcessSampler.parseStat("27400 (java)" + STAT_TAIL + "\n");

        assertThat(stat).hasValueSatisfying(s -> {
            assertThat(s.pid()).isEqualTo(27400);
            assertThat(s.ppid()).isEqualTo(27329);
            assertThat(s.cpuTicks()).isEqualTo(1234 + 567);
            assertThat(s.startTime()).isEqualTo(987654);
        });
    }

    @Test
    void countsFieldsFromTheLastParenthesisSoCommandNamesMayHoldSpacesAndParentheses() {
        var stat = ProcessSampler.parseStat("31 (postgres: bench (x) idle)" + STAT_TAIL);

        assertThat(stat).hasValueSatisfying(s -> {
            assertThat(s.pid()).isEqualTo(31);
            assertThat(s.ppid()).isEqualTo(27329);
            assertThat(s.cpuTicks()).isEqualTo(1801);
        });
    }

    @Test
    void rejectsTruncatedOrGarbledStat() {
        assertThat(ProcessSampler.parseStat("")).isEmpty();
        assertThat(ProcessSampler.parseStat("12 (java) S 1 2 3")).isEmpty();
        assertThat(ProcessSampler.parseStat("x (java)" + STAT_TAIL)).isEmpty();
    }

    @Test
    void readsVmRssInKilobytesFromStatus() {
        String status = """
                Name:\tjava
                State:\tS (sleeping)
                VmPeak:\t 4200000 kB
                VmHWM:\t  260000 kB
                VmRSS:\t  245760 kB
                RssAnon:\t  200000 kB
                Threads:\t61
                """;

        assertThat(ProcessSampler.parseVmRssKb(status)).hasValue(245760);
    }

    @Test
    void kernelThreadsAndZombiesHaveNoVmRss() {
        assertThat(ProcessSampler.parseVmRssKb("Name:\tkthreadd\nState:\tS (sleeping)\nThreads:\t1\n")).isEmpty();
    }
}
