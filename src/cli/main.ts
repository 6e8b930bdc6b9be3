/** The `ddss` command. */
process.stdout.write('ddss: command line coming with the CLI issue\n');
