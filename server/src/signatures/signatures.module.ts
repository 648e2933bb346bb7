import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { SignatureBackfillService } from './signature-backfill.service';
import { SignaturesService } from './signatures.service';
import { SigningCertificatesController } from './signing-certificates.controller';
import { SigningCertificatesService } from './signing-certificates.service';
import { resolveSigningKey, SIGNING_KEY } from './signing-key';

@Module({
  controllers: [SigningCertificatesController],
  providers: [
    { provide: SIGNING_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveSigningKey(config, (m) => new Logger('Signatures').warn(m)) },
    SignaturesService,
    SigningCertificatesService,
    SignatureBackfillService,
  ],
  exports: [SignaturesService],
})
export class SignaturesModule {}
