# pragma version ^0.4.0
# A stand-in for Multicall3 on the devnet: `aggregate3((address,bool,bytes)[])`, selector
# 0x82ad56cb, with the same ABI as the contract deployed on every public chain. Sizes are
# bounded (512 calls, 256 bytes each way), enough for the views lip batches.

struct Call3:
    target: address
    allowFailure: bool
    callData: Bytes[256]

struct Result:
    success: bool
    returnData: Bytes[256]


@view
@external
def aggregate3(calls: DynArray[Call3, 512]) -> DynArray[Result, 512]:
    results: DynArray[Result, 512] = []
    for call: Call3 in calls:
        success: bool = False
        data: Bytes[256] = b""
        success, data = raw_call(call.target, call.callData, max_outsize=256, is_static_call=True, revert_on_failure=False)
        assert success or call.allowFailure, "Multicall3: call failed"
        results.append(Result(success=success, returnData=data))
    return results
