// Compiles the contracts and writes the ABI and creation bytecode the Java client loads. With --check it writes
// nothing and fails when the committed copy differs from what the sources compile to, so the Java side can
// never run a contract other than the one these sources and tests describe.
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");

const EXPORTED = path.join(__dirname, "..", "..", "src", "main", "resources", "org", "elastos", "frontdoor",
  "market", "VendingMachineMarket.json");

async function main() {
  const check = process.argv.includes("--check");
  await hre.run("compile", { quiet: true });
  const artifact = await hre.artifacts.readArtifact("VendingMachineMarket");
  const fresh = JSON.stringify({
    contractName: artifact.contractName,
    sourceName: artifact.sourceName,
    solc: hre.config.solidity.compilers[0].version,
    abi: artifact.abi,
    bytecode: artifact.bytecode,
  }, null, 2) + "\n";
  const relative = path.relative(process.cwd(), EXPORTED);
  if (!check) {
    fs.mkdirSync(path.dirname(EXPORTED), { recursive: true });
    fs.writeFileSync(EXPORTED + ".tmp", fresh);
    fs.renameSync(EXPORTED + ".tmp", EXPORTED);
    console.log(`wrote ${relative}`);
    return;
  }
  const committed = fs.existsSync(EXPORTED) ? fs.readFileSync(EXPORTED, "utf8") : "";
  if (committed !== fresh) {
    console.error(`${relative} is not what the sources compile to. Run \`npm run export\` in market/contracts ` +
      "and commit the result.");
    process.exit(1);
  }
  console.log(`${relative} matches a fresh compile`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
