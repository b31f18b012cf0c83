// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/**
 * @title Vending machines for content named by a 16-byte content id.
 *
 * A seller lists a content id at a price in the chain's native coin. Each purchase mints one ERC-1155 access
 * token to the buyer, and `hasAccessByContentId` answers true while the buyer holds one (the same function and
 * selector as Elacity's AuthorityGateway, so one rights oracle reads both).
 *
 * Every asset has 1000 royalty shares (0.1% each), minted to the seller at listing and transferable as ERC-1155
 * tokens. A payment of `price` wei credits `price / 1000` to every share held at that moment; the remainder,
 * `price % 1000` (under 1000 wei), goes to the asset's seller, so the credits always add up to the payment.
 * Credits are paid out only when their owner withdraws. The contract has no owner and no admin function.
 *
 * Token ids: the access token of a content id is the id as a number; its share token sets bit 128 as well.
 */
contract VendingMachineMarket is ERC1155, ReentrancyGuard {
    using EnumerableSet for EnumerableSet.Bytes32Set;

    uint256 public constant SHARES_PER_ASSET = 1000;
    uint256 private constant SHARE_FLAG = 1 << 128;

    struct Asset {
        address seller;
        bool forSale;
        uint256 price;
        // Cumulative wei credited to each single share of this asset since it was listed.
        uint256 creditPerShare;
        string metadataUri;
    }

    mapping(bytes16 contentId => Asset) private _assets;
    // The asset's creditPerShare up to which a holder's shares have been credited to `_credited`.
    mapping(address holder => mapping(bytes16 contentId => uint256)) private _creditedUpTo;
    mapping(address holder => uint256) private _credited;
    mapping(address holder => EnumerableSet.Bytes32Set) private _shareholdings;

    error EmptyContentId();
    error AlreadyListed(bytes16 contentId);
    error NotListed(bytes16 contentId);
    error NotForSale(bytes16 contentId);
    error NotSeller(bytes16 contentId, address caller, address seller);
    error ZeroPrice();
    error WrongPayment(bytes16 contentId, uint256 price, uint256 sent);
    error NothingToWithdraw(address account);

    event Listed(bytes16 indexed contentId, address indexed seller, uint256 price, string metadataUri);
    event ForSaleChanged(bytes16 indexed contentId, address indexed seller, bool forSale);
    event PriceChanged(bytes16 indexed contentId, address indexed seller, uint256 oldPrice, uint256 newPrice);
    event Purchased(
        bytes16 indexed contentId,
        address indexed buyer,
        address indexed seller,
        uint256 price,
        uint256 creditPerShare,
        uint256 remainderToSeller
    );
    event Withdrawn(address indexed account, uint256 amount);

    constructor() ERC1155("") {}

    modifier onlySeller(bytes16 contentId) {
        address seller = _listed(contentId).seller;
        if (msg.sender != seller) revert NotSeller(contentId, msg.sender, seller);
        _;
    }

    /// Lists `contentId` for sale at `price` wei; the caller becomes its seller and receives its 1000 shares.
    function list(bytes16 contentId, uint256 price, string calldata metadataUri) external {
        if (contentId == bytes16(0)) revert EmptyContentId();
        if (_assets[contentId].seller != address(0)) revert AlreadyListed(contentId);
        if (price == 0) revert ZeroPrice();
        _assets[contentId] = Asset(msg.sender, true, price, 0, metadataUri);
        emit Listed(contentId, msg.sender, price, metadataUri);
        _mint(msg.sender, shareTokenId(contentId), SHARES_PER_ASSET, "");
    }

    function setForSale(bytes16 contentId, bool forSale) external onlySeller(contentId) {
        _assets[contentId].forSale = forSale;
        emit ForSaleChanged(contentId, msg.sender, forSale);
    }

    function setPrice(bytes16 contentId, uint256 price) external onlySeller(contentId) {
        if (price == 0) revert ZeroPrice();
        Asset storage listed = _assets[contentId];
        emit PriceChanged(contentId, msg.sender, listed.price, price);
        listed.price = price;
    }

    /// Buys access with exactly the current price; mints one access token to the caller.
    function buyAccess(bytes16 contentId) external payable nonReentrant {
        Asset storage listed = _listed(contentId);
        if (!listed.forSale) revert NotForSale(contentId);
        if (msg.value != listed.price) revert WrongPayment(contentId, listed.price, msg.value);
        uint256 perShare = msg.value / SHARES_PER_ASSET;
        uint256 remainder = msg.value % SHARES_PER_ASSET;
        listed.creditPerShare += perShare;
        _credited[listed.seller] += remainder;
        emit Purchased(contentId, msg.sender, listed.seller, msg.value, perShare, remainder);
        _mint(msg.sender, accessTokenId(contentId), 1, "");
    }

    /// Pays the caller everything credited to them across all the assets they hold shares of.
    function withdraw() external nonReentrant {
        EnumerableSet.Bytes32Set storage holdings = _shareholdings[msg.sender];
        uint256 count = holdings.length();
        for (uint256 i = 0; i < count; i++) {
            _settle(msg.sender, bytes16(holdings.at(i)));
        }
        uint256 amount = _credited[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        _credited[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount);
        Address.sendValue(payable(msg.sender), amount);
    }

    /// Same function and selector (0x54d42821) as Elacity's AuthorityGateway.
    function hasAccessByContentId(address holder, bytes16 contentId) external view returns (bool) {
        return balanceOf(holder, accessTokenId(contentId)) > 0;
    }

    function asset(bytes16 contentId)
        external
        view
        returns (address seller, bool forSale, uint256 price, string memory metadataUri)
    {
        Asset storage listed = _listed(contentId);
        return (listed.seller, listed.forSale, listed.price, listed.metadataUri);
    }

    /// What `account` would receive from `withdraw()` now.
    function withdrawable(address account) external view returns (uint256 amount) {
        amount = _credited[account];
        EnumerableSet.Bytes32Set storage holdings = _shareholdings[account];
        uint256 count = holdings.length();
        for (uint256 i = 0; i < count; i++) {
            amount += _uncredited(account, bytes16(holdings.at(i)));
        }
    }

    function sharesOf(address holder, bytes16 contentId) external view returns (uint256) {
        return balanceOf(holder, shareTokenId(contentId));
    }

    function accessTokenId(bytes16 contentId) public pure returns (uint256) {
        return uint256(uint128(contentId));
    }

    function shareTokenId(bytes16 contentId) public pure returns (uint256) {
        return uint256(uint128(contentId)) | SHARE_FLAG;
    }

    function uri(uint256 id) public view override returns (string memory) {
        return _assets[bytes16(uint128(id))].metadataUri;
    }

    /// Before any share moves, both sides are credited for what their old balance earned.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        for (uint256 i = 0; i < ids.length; i++) {
            if (ids[i] & SHARE_FLAG != 0) {
                bytes16 contentId = bytes16(uint128(ids[i]));
                if (from != address(0)) _settle(from, contentId);
                if (to != address(0)) _settle(to, contentId);
            }
        }
        super._update(from, to, ids, values);
        for (uint256 i = 0; i < ids.length; i++) {
            if (ids[i] & SHARE_FLAG != 0) {
                bytes32 key = bytes32(bytes16(uint128(ids[i])));
                if (from != address(0) && balanceOf(from, ids[i]) == 0) _shareholdings[from].remove(key);
                if (to != address(0) && values[i] > 0) _shareholdings[to].add(key);
            }
        }
    }

    function _settle(address holder, bytes16 contentId) private {
        _credited[holder] += _uncredited(holder, contentId);
        _creditedUpTo[holder][contentId] = _assets[contentId].creditPerShare;
    }

    function _uncredited(address holder, bytes16 contentId) private view returns (uint256) {
        uint256 perShare = _assets[contentId].creditPerShare - _creditedUpTo[holder][contentId];
        return balanceOf(holder, shareTokenId(contentId)) * perShare;
    }

    function _listed(bytes16 contentId) private view returns (Asset storage listed) {
        listed = _assets[contentId];
        if (listed.seller == address(0)) revert NotListed(contentId);
    }
}
