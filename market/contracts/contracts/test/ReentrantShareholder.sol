// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155Holder} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Holder.sol";

interface IVendingMachineMarket {
    function withdraw() external;
    function buyAccess(bytes16 contentId) external payable;
}

/// Test-only: a shareholder that tries to re-enter the market while it is being paid or minted to.
contract ReentrantShareholder is ERC1155Holder {
    IVendingMachineMarket private immutable _market;
    bytes16 private _contentId;
    uint256 public reentryAttempts;
    uint256 public reentriesRefused;
    uint256 public received;
    bytes4 public lastRefusal;
    uint256 private _price;

    constructor(address market) {
        _market = IVendingMachineMarket(market);
    }

    function attackWithdraw() external {
        _market.withdraw();
    }

    /// Sends twice the price: one purchase, and the money for a second one attempted from inside the first.
    function attackBuy(bytes16 contentId) external payable {
        _contentId = contentId;
        _price = msg.value / 2;
        _market.buyAccess{value: _price}(contentId);
    }

    receive() external payable {
        received += msg.value;
        reentryAttempts++;
        try _market.withdraw() {} catch (bytes memory reason) {
            _refused(reason);
        }
    }

    function onERC1155Received(address operator, address from, uint256 id, uint256 value, bytes memory data)
        public
        override
        returns (bytes4)
    {
        if (_contentId != bytes16(0) && from == address(0)) {
            reentryAttempts++;
            bytes16 contentId = _contentId;
            _contentId = bytes16(0);
            try _market.buyAccess{value: _price}(contentId) {} catch (bytes memory reason) {
                _refused(reason);
            }
        }
        return super.onERC1155Received(operator, from, id, value, data);
    }

    function _refused(bytes memory reason) private {
        reentriesRefused++;
        lastRefusal = bytes4(reason);
    }
}
