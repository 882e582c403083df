package org.rhip;

import org.rhip.cli.RhipCommand;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * RHIP, 区域全民健康信息平台: the regional health information platform a district or county health
 * commission runs to carry out and monitor its five-year health plan. Every start goes through the
 * command line ({@link RhipCommand}), which starts this application for the command it runs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RhipApplication {

	public static void main(String[] args) {
		System.exit(RhipCommand.run(RhipApplication.class, args));
	}

}
