package dev.keelson.pilot.config;

import dev.keelson.config.command.Command;
import java.time.Duration;
import java.util.Optional;

/**
 * One entry of {@code backends}: polled every {@code poll} seconds; {@code onChange} runs when the
 * set of passing instances changed.
 */
public record BackendSpec(
    String name, int poll, Command onChange, Optional<String> tag, Optional<Duration> timeout) {}
