// Runs `hardhat node` for the Java DevChain with the arguments given, and stops it when the process that started
// it goes away: that process holds our standard input open, so its end, even by SIGKILL, closes the pipe.
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();

const cli = require.resolve("hardhat/internal/cli/bootstrap.js");
process.argv = [process.argv[0], cli, "node", ...process.argv.slice(2)];
require(cli);
