import Foundation
import LIPCore

/// Called during long imports with the number of rows done so far.
public typealias ImportProgress = (Int) -> Void
