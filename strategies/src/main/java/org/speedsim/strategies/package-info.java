/**
 * The named strategies behind the engine's interfaces, and {@link org.speedsim.strategies.StrategyRegistry}, the only map from
 * the names scenario files write to implementations (built-ins and plug-ins alike).
 */
package org.speedsim.strategies;
