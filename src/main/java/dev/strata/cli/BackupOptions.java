package dev.strata.cli;

import picocli.CommandLine.Option;

/** BackupOptions are migrate's and migrate-to's {@code --backup [DIR]} and {@code --no-backup}. */
final class BackupOptions {
    @Option(names = "--backup", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
            description = "Dump the target schema (pg_dump, custom format, data included) into DIR before changing"
                    + " anything (default DIR: the profile's :backup directory, else .strata/backups). On by default"
                    + " for the profile named prod.")
    String backup;

    @Option(names = "--no-backup", description = "No backup, even where the profile asks for one.")
    boolean noBackup;
}
