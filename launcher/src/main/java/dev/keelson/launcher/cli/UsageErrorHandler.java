package dev.keelson.launcher.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors exit 2, as argparse's did. An unknown command gets paunch's own message on stdout;
 * other errors print the message and the command's usage on stderr.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

  static final int USAGE_ERROR = 2;

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine commandLine = error.getCommandLine();
    if (error instanceof UnmatchedArgumentException unmatched
        && commandLine.getParent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      PrintWriter out = commandLine.getOut();
      out.println(
          "paunch: '"
              + unmatched.getUnmatched().get(0)
              + "' is not a paunch command. See 'paunch --help'.");
      return USAGE_ERROR;
    }
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getCommandName() + ": error: " + error.getMessage());
    commandLine.usage(err);
    return USAGE_ERROR;
  }
}
